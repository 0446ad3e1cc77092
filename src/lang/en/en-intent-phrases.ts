/**
 * What the default model's intents (CLINC150) ask for, in English words, so an intent no skill
 * answers gets an honest, specific "I can't … here yet" instead of a generic shrug. Grouped by why
 * it cannot be done on the device, which is what the reply explains.
 *
 * @module
 */

/** Why a group of intents cannot be answered offline, said after "I can't … here yet". */
const GROUPS: { reason: string; phrases: Record<string, string> }[] = [
  {
    reason: "I don't have access to your bank or card accounts",
    phrases: {
      balance: 'check your account balance',
      bill_balance: 'look up your bills',
      bill_due: 'tell when a bill is due',
      pay_bill: 'pay bills',
      transfer: 'transfer money',
      transactions: 'show your transactions',
      spending_history: 'show your spending history',
      credit_score: 'check your credit score',
      improve_credit_score: 'help with your credit score',
      credit_limit: 'check your credit limit',
      credit_limit_change: 'change your credit limit',
      card_declined: 'look into a declined card',
      report_fraud: 'report fraud',
      report_lost_card: 'report a lost card',
      replacement_card_duration: 'track a replacement card',
      new_card: 'order a new card',
      damaged_card: 'replace a damaged card',
      freeze_account: 'freeze an account',
      account_blocked: 'unblock an account',
      pin_change: 'change your PIN',
      expiration_date: 'check a card expiry date',
      min_payment: 'look up a minimum payment',
      interest_rate: 'check interest rates',
      apr: 'check an APR',
      routing: 'look up a routing number',
      direct_deposit: 'set up direct deposit',
      order_checks: 'order checks',
      rewards_balance: 'check rewards points',
      redeem_rewards: 'redeem rewards',
      international_fees: 'check foreign fees',
      exchange_rate: 'look up exchange rates',
      rollover_401k: 'handle a 401k rollover',
      taxes: 'help with taxes',
      w2: 'find a W-2',
      income: 'look up your income',
      payday: 'tell when payday is',
      insurance: 'look up your insurance',
      insurance_change: 'change your insurance',
      pto_balance: 'check your time off',
      pto_request: 'request time off',
      pto_request_status: 'check a time-off request',
      pto_used: 'count time off used',
      who_do_you_work_for: 'talk about employers',
    },
  },
  {
    reason: "I run offline, so I can't book or look things up online",
    phrases: {
      book_flight: 'book flights',
      book_hotel: 'book hotels',
      car_rental: 'rent cars',
      flight_status: 'check flight status',
      travel_alert: 'check travel alerts',
      travel_notification: 'send travel notices',
      travel_suggestion: 'suggest trips',
      international_visa: 'look up visa rules',
      plug_type: 'look up plug types',
      carry_on: 'check carry-on rules',
      lost_luggage: 'track luggage',
      vaccines: 'look up travel vaccines',
      weather: 'check the weather',
      traffic: 'check traffic',
      directions: 'give directions',
      distance: 'work out distances',
      uber: 'order a ride',
      gas: 'find gas stations',
      gas_type: 'look up fuel types',
      restaurant_reservation: 'book restaurants',
      restaurant_reviews: 'look up restaurant reviews',
      restaurant_suggestion: 'suggest restaurants',
      accept_reservations: 'check whether a place takes reservations',
      confirm_reservation: 'confirm reservations',
      cancel_reservation: 'cancel reservations',
      how_busy: 'tell how busy a place is',
      order: 'place orders',
      order_status: 'track orders',
      application_status: 'check an application',
      next_holiday: 'look up holidays',
      definition: 'look up definitions',
      translate: 'translate',
      recipe: 'look up recipes',
      ingredients_list: 'list ingredients',
      ingredient_substitution: 'suggest ingredient swaps',
      cook_time: 'look up cooking times',
      meal_suggestion: 'suggest meals',
      nutrition_info: 'look up nutrition facts',
      calories: 'count calories',
      food_last: 'tell how long food keeps',
      what_song: 'recognize songs',
      play_music: 'play music',
      next_song: 'skip songs',
      update_playlist: 'change playlists',
    },
  },
  {
    reason: "I live in this page and can't reach your devices, car or calendar",
    phrases: {
      smart_home: 'control smart home devices',
      make_call: 'make calls',
      text: 'send texts',
      find_phone: 'find your phone',
      sync_device: 'sync devices',
      share_location: 'share your location',
      current_location: 'tell where you are',
      calendar: 'read your calendar',
      calendar_update: 'change your calendar',
      meeting_schedule: 'check meetings',
      schedule_meeting: 'schedule meetings',
      mpg: 'check fuel economy',
      oil_change_how: 'explain oil changes',
      oil_change_when: 'track oil changes',
      tire_change: 'help change a tire',
      tire_pressure: 'check tire pressure',
      jump_start: 'explain jump starts',
      last_maintenance: 'track car maintenance',
      schedule_maintenance: 'book car service',
      change_volume: 'change the volume',
      change_speed: 'change how fast I talk',
      change_accent: 'change my accent',
      change_language: 'switch languages',
      whisper_mode: 'whisper',
      reset_settings: 'reset settings',
      change_ai_name: 'change my name',
    },
  },
];

const INDEX = new Map<string, { phrase: string; reason: string }>();
for (const { reason, phrases } of GROUPS)
  for (const [intent, phrase] of Object.entries(phrases)) INDEX.set(intent, { phrase, reason });

/**
 * What an intent asks for, and why it cannot be done here; a readable guess for unknown labels.
 * @param intent an intent label, e.g. `book_flight`
 * @returns e.g. `{ phrase: 'book flights', reason: "I run offline, so I can't book or look things up online" }`
 */
export function describeIntent(intent: string): { phrase: string; reason: string | undefined } {
  const known = INDEX.get(intent);
  if (known !== undefined) return known;
  return { phrase: `help with "${intent.replace(/[_.-]+/g, ' ')}"`, reason: undefined };
}

/**
 * What the default model's intents (CLINC150) ask for, in Chinese, so an intent no skill answers
 * gets an honest, specific "我这里还不能……" instead of a generic shrug. Grouped, like the English
 * table, by why it cannot be done on the device, which is what the reply explains.
 *
 * @module
 */

/** Why a group of intents cannot be answered offline, said after "我这里还不能……". */
const GROUPS: { reason: string; phrases: Record<string, string> }[] = [
  {
    reason: '我没法访问你的银行卡或信用卡账户',
    phrases: {
      balance: '查账户余额',
      bill_balance: '查账单',
      bill_due: '查账单什么时候到期',
      pay_bill: '交账单',
      transfer: '转账',
      transactions: '查交易记录',
      spending_history: '查消费记录',
      credit_score: '查信用分',
      improve_credit_score: '帮你提高信用分',
      credit_limit: '查信用额度',
      credit_limit_change: '调整信用额度',
      card_declined: '查银行卡被拒的原因',
      report_fraud: '举报欺诈',
      report_lost_card: '挂失银行卡',
      replacement_card_duration: '查补办的卡什么时候到',
      new_card: '申请新卡',
      damaged_card: '换掉损坏的卡',
      freeze_account: '冻结账户',
      account_blocked: '解冻账户',
      pin_change: '修改密码',
      expiration_date: '查卡的有效期',
      min_payment: '查最低还款额',
      interest_rate: '查利率',
      apr: '查年利率',
      routing: '查银行路由号',
      direct_deposit: '设置工资直接入账',
      order_checks: '订支票',
      rewards_balance: '查积分',
      redeem_rewards: '兑换积分',
      international_fees: '查境外手续费',
      exchange_rate: '查汇率',
      rollover_401k: '办理 401k 转存',
      taxes: '处理税务',
      w2: '找 W-2 表',
      income: '查你的收入',
      payday: '查发工资的日子',
      insurance: '查保险',
      insurance_change: '更改保险',
      pto_balance: '查剩余假期',
      pto_request: '请假',
      pto_request_status: '查请假审批',
      pto_used: '统计已休的假',
      who_do_you_work_for: '聊雇主的事',
    },
  },
  {
    reason: '我是离线运行的，没法上网预订或查询',
    phrases: {
      book_flight: '订机票',
      book_hotel: '订酒店',
      car_rental: '租车',
      flight_status: '查航班状态',
      travel_alert: '查旅行预警',
      travel_notification: '发出行通知',
      travel_suggestion: '推荐旅行地点',
      international_visa: '查签证要求',
      plug_type: '查插头类型',
      carry_on: '查随身行李规定',
      lost_luggage: '追踪行李',
      vaccines: '查出行要打的疫苗',
      weather: '查天气',
      traffic: '查路况',
      directions: '导航',
      distance: '算距离',
      uber: '叫车',
      gas: '找加油站',
      gas_type: '查该加什么油',
      restaurant_reservation: '订餐厅',
      restaurant_reviews: '查餐厅评价',
      restaurant_suggestion: '推荐餐厅',
      accept_reservations: '查餐厅能不能预订',
      confirm_reservation: '确认预订',
      cancel_reservation: '取消预订',
      how_busy: '查一个地方有多忙',
      order: '下单',
      order_status: '查订单',
      application_status: '查申请进度',
      next_holiday: '查节假日',
      definition: '查词语释义',
      translate: '翻译',
      recipe: '查菜谱',
      ingredients_list: '列出食材',
      ingredient_substitution: '推荐替代食材',
      cook_time: '查烹饪时间',
      meal_suggestion: '推荐吃什么',
      nutrition_info: '查营养成分',
      calories: '算卡路里',
      food_last: '查食物能放多久',
      what_song: '听歌识曲',
      play_music: '放音乐',
      next_song: '切歌',
      update_playlist: '改歌单',
    },
  },
  {
    reason: '我只在这个网页里运行，碰不到你的设备、汽车和日历',
    phrases: {
      smart_home: '控制智能家居',
      make_call: '打电话',
      text: '发短信',
      find_phone: '找手机',
      sync_device: '同步设备',
      share_location: '共享位置',
      current_location: '告诉你现在在哪儿',
      calendar: '看你的日历',
      calendar_update: '改你的日历',
      meeting_schedule: '查会议安排',
      schedule_meeting: '安排会议',
      mpg: '查油耗',
      oil_change_how: '讲怎么换机油',
      oil_change_when: '记录换机油的时间',
      tire_change: '帮你换轮胎',
      tire_pressure: '查胎压',
      jump_start: '讲怎么搭电启动',
      last_maintenance: '记录汽车保养',
      schedule_maintenance: '预约汽车保养',
      change_volume: '调音量',
      change_speed: '调语速',
      change_accent: '换口音',
      change_language: '切换语言',
      whisper_mode: '小声说话',
      reset_settings: '恢复设置',
      change_ai_name: '改我的名字',
    },
  },
];

const INDEX = new Map<string, { phrase: string; reason: string }>();
for (const { reason, phrases } of GROUPS)
  for (const [intent, phrase] of Object.entries(phrases)) INDEX.set(intent, { phrase, reason });

/**
 * What an intent asks for in Chinese, and why it cannot be done here; a readable guess for unknown labels.
 * @param intent an intent label, e.g. `book_flight`
 * @returns e.g. `{ phrase: '订机票', reason: '我是离线运行的，没法上网预订或查询' }`
 */
export function describeIntentZh(intent: string): { phrase: string; reason: string | undefined } {
  const known = INDEX.get(intent);
  if (known !== undefined) return known;
  return { phrase: `处理“${intent.replace(/[_.-]+/g, ' ')}”`, reason: undefined };
}

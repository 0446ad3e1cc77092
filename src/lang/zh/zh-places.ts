/**
 * Chinese names of the places the time skills know, each paired with an English name or alias
 * of the gazetteer (src/skills/builtin/places.ts): how "东京现在几点" finds Tokyo, and how a
 * Chinese reply says "东京" again.
 *
 * @module
 */

/** `中文名=english alias`, one pair per line; the first Chinese name of an alias is the one replies use. */
const TABLE = `
北京=beijing
上海=shanghai
广州=guangzhou
深圳=shenzhen
成都=chengdu
杭州=hangzhou
南京=nanjing
武汉=wuhan
西安=xian
重庆=chongqing
天津=tianjin
哈尔滨=harbin
沈阳=shenyang
大连=dalian
长春=changchun
济南=jinan
青岛=qingdao
郑州=zhengzhou
长沙=changsha
合肥=hefei
福州=fuzhou
厦门=xiamen
南昌=nanchang
昆明=kunming
贵阳=guiyang
南宁=nanning
海口=haikou
三亚=sanya
兰州=lanzhou
西宁=xining
银川=yinchuan
呼和浩特=hohhot
乌鲁木齐=urumqi
拉萨=lhasa
太原=taiyuan
石家庄=shijiazhuang
苏州=suzhou
宁波=ningbo
无锡=wuxi
东莞=dongguan
佛山=foshan
珠海=zhuhai
澳门=macau
中国=china
香港=hong kong
台北=taipei
台湾=taiwan
东京=tokyo
日本=japan
大阪=osaka
京都=kyoto
首尔=seoul
韩国=south korea
新加坡=singapore
曼谷=bangkok
泰国=thailand
雅加达=jakarta
印度尼西亚=indonesia
印尼=indonesia
马尼拉=manila
菲律宾=philippines
吉隆坡=kuala lumpur
马来西亚=malaysia
新德里=new delhi
德里=delhi
印度=india
孟买=mumbai
班加罗尔=bangalore
达卡=dhaka
孟加拉=bangladesh
卡拉奇=karachi
巴基斯坦=pakistan
迪拜=dubai
阿联酋=uae
阿布扎比=abu dhabi
利雅得=riyadh
沙特阿拉伯=saudi arabia
沙特=saudi arabia
德黑兰=tehran
伊朗=iran
耶路撒冷=jerusalem
以色列=israel
特拉维夫=tel aviv
伦敦=london
英国=uk
英格兰=england
苏格兰=scotland
都柏林=dublin
爱尔兰=ireland
里斯本=lisbon
葡萄牙=portugal
巴黎=paris
法国=france
柏林=berlin
德国=germany
慕尼黑=munich
法兰克福=frankfurt
汉堡=hamburg
马德里=madrid
西班牙=spain
巴塞罗那=barcelona
罗马=rome
意大利=italy
米兰=milan
阿姆斯特丹=amsterdam
荷兰=netherlands
布鲁塞尔=brussels
比利时=belgium
苏黎世=zurich
日内瓦=geneva
瑞士=switzerland
维也纳=vienna
奥地利=austria
斯德哥尔摩=stockholm
瑞典=sweden
奥斯陆=oslo
挪威=norway
哥本哈根=copenhagen
丹麦=denmark
赫尔辛基=helsinki
芬兰=finland
华沙=warsaw
波兰=poland
布拉格=prague
捷克=czech republic
雅典=athens
希腊=greece
伊斯坦布尔=istanbul
土耳其=turkey
基辅=kyiv
乌克兰=ukraine
莫斯科=moscow
俄罗斯=russia
开罗=cairo
埃及=egypt
拉各斯=lagos
尼日利亚=nigeria
内罗毕=nairobi
肯尼亚=kenya
约翰内斯堡=johannesburg
开普敦=cape town
南非=south africa
卡萨布兰卡=casablanca
摩洛哥=morocco
悉尼=sydney
墨尔本=melbourne
堪培拉=canberra
澳大利亚=australia
澳洲=australia
布里斯班=brisbane
珀斯=perth
奥克兰=auckland
惠灵顿=wellington
新西兰=new zealand
檀香山=honolulu
夏威夷=hawaii
安克雷奇=anchorage
阿拉斯加=alaska
洛杉矶=los angeles
旧金山=san francisco
西雅图=seattle
拉斯维加斯=las vegas
加州=california
加利福尼亚=california
凤凰城=phoenix
丹佛=denver
盐湖城=salt lake city
芝加哥=chicago
休斯顿=houston
达拉斯=dallas
奥斯汀=austin
得克萨斯=texas
德州=texas
新奥尔良=new orleans
纽约=new york
波士顿=boston
华盛顿=washington dc
迈阿密=miami
佛罗里达=florida
亚特兰大=atlanta
底特律=detroit
费城=philadelphia
美国=usa
多伦多=toronto
蒙特利尔=montreal
渥太华=ottawa
温哥华=vancouver
加拿大=canada
墨西哥城=mexico city
墨西哥=mexico
波哥大=bogota
哥伦比亚=colombia
利马=lima
秘鲁=peru
圣地亚哥=santiago
智利=chile
布宜诺斯艾利斯=buenos aires
阿根廷=argentina
圣保罗=sao paulo
里约热内卢=rio de janeiro
巴西=brazil
哈瓦那=havana
古巴=cuba
格林尼治=greenwich
`;

/** `[中文名, english alias]` pairs, longest Chinese name first (so "墨西哥城" wins over "墨西哥"). */
export const ZH_PLACE_NAMES: readonly (readonly [string, string])[] = TABLE.trim()
  .split('\n')
  .map((line) => line.split('=') as [string, string])
  .sort((a, b) => b[0].length - a[0].length);

const BY_ALIAS = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [zh, alias] = line.split('=') as [string, string];
  if (!BY_ALIAS.has(alias)) BY_ALIAS.set(alias, zh);
}
BY_ALIAS.set('the us', '美国');
BY_ALIAS.set('us', '美国');

/**
 * The Chinese name of a place the gazetteer displays in English.
 * @param name e.g. `Tokyo`, `the US`
 * @returns e.g. `东京`, `美国`; the name itself when it has no Chinese name here
 */
export function zhPlaceName(name: string): string {
  return BY_ALIAS.get(name.toLowerCase()) ?? name;
}

import type { Category } from '../../shared/events/request.ts';

/** Words that usually mean a category; the first category with a hit wins. */
const hints: [Category, RegExp][] = [
  ['fire-lane', /消防|通道|堵塞|占道/],
  ['ev-charging', /充电|飞线|电瓶|电动车|电单车/],
  ['parking', /停车|车位|乱停|车库|挡路/],
  ['lighting', /路灯|灯|照明|黑/],
  ['elevator', /电梯/],
  ['greenery', /绿化|草|树|花坛|绿地/],
  ['roads', /路面|坑|道路|井盖|台阶|积水/],
  ['elderly', /老人|养老|助老|独居|助餐|扶手/],
  ['children', /儿童|孩子|小孩|滑梯|游乐/],
  ['safety', /安全|监控|门禁|防盗|隐患|高空/],
  ['property', /物业|保洁|垃圾|卫生|维修|漏水|物业费/],
];

/** A first guess of a quickly captured request's category (meeting mode, 随手拍); the committee corrects it later. */
export function guessCategory(title: string): Category {
  for (const [category, pattern] of hints) if (pattern.test(title)) return category;
  return 'other';
}

/** Words that tell a household's hardship; a need's title and detail go to outside units. */
const HARDSHIP = [
  '独居',
  '空巢',
  '孤寡',
  '失独',
  '低保',
  '特困',
  '困难户',
  '重病',
  '病重',
  '癌',
  '残疾',
  '失能',
  '瘫痪',
  '精神病',
] as const;

/** How neighbours name an older person: 孙奶奶, 王大爷. */
const HONORIFICS = ['奶奶', '爷爷', '阿姨', '叔叔', '大爷', '大妈', '大娘', '婆婆', '伯伯', '老师傅'] as const;

/**
 * What in a need's words would tell a partner unit who the household is or what it suffers: the
 * person's name as given in 为谁 (whole, or their surname with how neighbours call them) and words
 * of hardship. The name in 为谁 is masked (孙*); the same name typed into the title was not.
 */
export function privacyWords(text: string, forName: string): string[] {
  const found: string[] = [];
  const name = forName.trim();
  if (name.length >= 2 && text.includes(name)) found.push(name);
  const surname = name.slice(0, 1);
  if (surname) for (const h of HONORIFICS) if (text.includes(surname + h)) found.push(surname + h);
  for (const word of HARDSHIP) if (text.includes(word)) found.push(word);
  return [...new Set(found)];
}

/**
 * The household head's name as the public look-up shows it: enough for a resident to recognise
 * their own household ("N*** V*** Đ***" for "Nguyễn Văn Đức"), too little to learn a name from.
 * Every word keeps its first letter and gets the same three stars, whatever its length.
 */
export const maskName = (name: string | null | undefined): string => {
  const words = (name ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean);

  return words.map((word) => `${Array.from(word)[0].toLocaleUpperCase('vi')}***`).join(' ');
};

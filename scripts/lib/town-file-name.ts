/** The file name of a town's part: the town's name with the characters no file system takes replaced. */
export function townFileName(town: string): string {
  const safe = [...town]
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .trim();
  return `${safe || 'town'}.plan.json`;
}

/** The file name of a town's part: the town's name with the characters no file system takes replaced. */
export function townFileName(town: string): string {
  const safe = town.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'town';
  return `${safe}.plan.json`;
}

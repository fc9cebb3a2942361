export function later(date: Date): boolean {
  return date.getTime() > 0;
}

export type OpeningSlot = { weekday: number; opensAt: string; closesAt: string };
export type OpeningDay = { weekday: number; slots: { opensAt: string; closesAt: string }[] };

/** Groups slots by weekday (1 = Monday … 7 = Sunday), days and slots in time order. */
export function groupOpeningHours(slots: readonly OpeningSlot[]): OpeningDay[] {
  const days = new Map<number, OpeningDay>();
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
  for (const slot of sorted) {
    const day = days.get(slot.weekday) ?? { weekday: slot.weekday, slots: [] };
    day.slots.push({ opensAt: slot.opensAt, closesAt: slot.closesAt });
    days.set(slot.weekday, day);
  }
  return [...days.values()];
}

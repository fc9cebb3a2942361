import { tz } from "@date-fns/tz";

export const PARIS_TIME_ZONE = "Europe/Paris";

/** The `in` context for date-fns: every wall-clock reading happens in Paris, whatever the host's TZ. */
export const inParis = tz(PARIS_TIME_ZONE);

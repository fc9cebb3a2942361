import { nothing } from "~/utils/does-not-exist";

export const value = nothing;

import { rootTitle } from "~/root";

export const value = rootTitle;

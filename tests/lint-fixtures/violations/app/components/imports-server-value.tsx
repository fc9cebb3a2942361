// The type-only import is allowed; the value import of a *.server module is not.
import type { serverSecret as SecretType } from "~/utils/target.server";
import { modelValue } from "~/models/target.server";

export const value: typeof SecretType | string = modelValue;

import { componentValue } from "~/components/target";
import { modelValue } from "~/models/target.server";
import { rootTitle } from "~/root";
import { serviceValue } from "~/services/target.server";

export const value = [componentValue, modelValue, rootTitle, serviceValue];

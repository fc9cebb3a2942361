import { componentValue } from "~/components/target";
import { modelValue } from "~/models/target.server";
import { routeHelper } from "~/routes/target";
import { serviceValue } from "~/services/target.server";

export const value = [componentValue, modelValue, routeHelper, serviceValue];

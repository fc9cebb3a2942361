import { componentValue } from "~/components/target";
import { routeHelper } from "~/routes/target";

export const value = [routeHelper, componentValue];

import { routeHelper } from "~/routes/target";
import { serviceValue } from "~/services/target.server";

export const value = [routeHelper, serviceValue];

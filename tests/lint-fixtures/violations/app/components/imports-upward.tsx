import { routeHelper } from "~/routes/target";

export const value = routeHelper;

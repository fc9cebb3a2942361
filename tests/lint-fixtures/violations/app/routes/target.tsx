export const routeHelper = "route";

export const componentValue = "component";

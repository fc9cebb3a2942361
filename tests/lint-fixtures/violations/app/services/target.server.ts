export const serviceValue = "service";

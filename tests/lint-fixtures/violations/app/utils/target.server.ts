export const serverSecret = "secret";

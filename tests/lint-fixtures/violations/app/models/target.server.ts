export const modelValue = "model";

export const generatedValue = "generated";

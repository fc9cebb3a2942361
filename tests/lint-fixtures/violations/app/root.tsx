export const rootTitle = "root";

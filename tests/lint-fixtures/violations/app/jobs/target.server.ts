export const job = () => "job";

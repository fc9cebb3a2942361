import { job } from "~/jobs/target.server";

export const value = job;

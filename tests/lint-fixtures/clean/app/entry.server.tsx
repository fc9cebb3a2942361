import { sendThing } from "~/jobs/send.server";

export const startJobs = () => sendThing("1");

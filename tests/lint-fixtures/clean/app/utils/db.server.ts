import { randomUUID } from "node:crypto";

import { Client } from "~/generated/prisma/client";

export const db = { ok: new Client().seats > 0, id: randomUUID() };

import { prisma } from "~/utils/db.server";

export async function checkDatabase(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return false;
  }
}

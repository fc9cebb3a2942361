import fs from "node:fs";
import path from "path";

import { PrismaClient } from "@prisma/client";
import { json } from "@remix-run/node";
import { useState } from "react";

import { generatedValue } from "~/generated/prisma/client";
import { serverSecret } from "~/utils/target.server";

export const value = [fs, path, PrismaClient, json, useState, generatedValue, serverSecret];

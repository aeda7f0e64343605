import { z } from "zod";

/**
 * The numbers templates receive, by unit, so that a check of the templates can tell an
 * amount from a ratio (`{{yuan share}}` is a mistake). Plain numbers at run time.
 */
export const FenValue = z.number().int().meta({ description: "金额（分）" });
export const PpmValue = z.number().int().meta({ description: "比例（百万分之一，10% = 100000）" });

/**
 * How deeply a template's maps and lists may nest (aliases included). Real templates stay
 * far below it; a deeper one is an attack on the readers, whose walks are recursive.
 */
export const MAX_NESTING = 100;

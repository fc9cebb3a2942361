import QRCode from "qrcode";

/** A QR code as one SVG path: `size` modules a side, the dark ones drawn in `d` (row by row, runs merged). */
export type QrCodePath = { size: number; d: string };

/**
 * Drawn on the server into the page's own SVG, so the card shows it without JavaScript, prints
 * sharp at any size, and needs no image request. Level M survives a crease or a coffee stain.
 */
export function qrCodePath(text: string): QrCodePath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  let d = "";
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x++;
      d += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  }
  return { size, d };
}

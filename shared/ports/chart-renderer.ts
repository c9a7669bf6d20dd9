/** Turns a chart's SVG into a PNG, the one image format every mail client shows inline. */
export interface ChartRenderer {
  png(svg: string): Promise<Uint8Array>;
}

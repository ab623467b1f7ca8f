/** `.ttf` files are bundled as Data modules (see wrangler.toml rules). */
declare module '*.ttf' {
  const data: ArrayBuffer;
  export default data;
}

/** Today as the API's calendar date (YYYY-MM-DD). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

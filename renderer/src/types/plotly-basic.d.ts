// The basic bundle has the API of plotly.js (bar, scatter, pie) and no type package of its own.
declare module 'plotly.js-basic-dist-min' {
  const Plotly: typeof import('plotly.js');
  export default Plotly;
}

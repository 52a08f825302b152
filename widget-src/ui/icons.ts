/**
 * The widget's icons: 16 × 16 line drawings, one SVG path each, drawn in the
 * text colour by <Icon>. Only the icons a page uses end up in its bundle.
 */
export const LOCK = "M3.5 7.5h9v6h-9zM5 7.5V5a3 3 0 0 1 6 0v2.5";
export const UNLOCK = "M3.5 7.5h9v6h-9zM5 7.5V5a3 3 0 0 1 5.8-1.1";
export const SHARE = "M9.5 2.5h4v4M13.5 2.5l-6 6M11.5 9.5v4h-9v-9h4";
export const USER = "M8 8a2.75 2.75 0 1 0 0-5.5A2.75 2.75 0 0 0 8 8zM2.5 14c.6-2.7 2.8-4.2 5.5-4.2s4.9 1.5 5.5 4.2";
export const GROUP = "M6 7.5A2.25 2.25 0 1 0 6 3a2.25 2.25 0 0 0 0 4.5zM1.5 13.5c.5-2.4 2.3-3.6 4.5-3.6s4 1.2 4.5 3.6M10.5 3.2a2.2 2.2 0 0 1 0 4.2M12 9.9c1.4.4 2.3 1.6 2.6 3.6";
export const ROLE = "M6.5 2.5h3v3h-3zM2.5 10.5h3v3h-3zM10.5 10.5h3v3h-3zM8 5.5V8M4 10.5V8h8v2.5";
export const WARNING = "M8 2.5l6 11H2zM8 6.5v3M8 11.5v.01";
export const CHECK = "M3.5 8.5l3 3 6-7";
export const CHEVRON = "M4 6l4 4 4-4";
export const CLOSE = "M4 4l8 8M12 4l-8 8";
export const INFO = "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7.5V11M8 5v.01";
export const ERROR = "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 4.75v4M8 11v.01";
export const UNKNOWN = "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.3M8 11.3v.01";
export const PLUS = "M8 3.5v9M3.5 8h9";
export const MINUS = "M3.5 8h9";
export const EDIT = "M10.5 3l2.5 2.5L6 12.5H3.5V10z";
export const BACK = "M9.5 4l-4 4 4 4";
export const BLOCKED = "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM3.4 3.4l9.2 9.2";
export const FILTER = "M2.5 3h11l-4.25 5.25v4.25l-2.5 1.5V8.25z";

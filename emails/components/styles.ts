// Inline styles (email clients drop <style> blocks): large type, strong contrast, one wide button.
import type { CSSProperties } from "react";

export const body: CSSProperties = {
  margin: 0,
  backgroundColor: "#f3f4f6",
  fontFamily: "Arial, Helvetica, sans-serif",
  color: "#1b1b1b",
};
export const container: CSSProperties = {
  maxWidth: "600px",
  margin: "0 auto",
  padding: "24px",
  backgroundColor: "#ffffff",
};
export const heading: CSSProperties = { fontSize: "28px", lineHeight: "1.3", margin: "0 0 16px" };
export const subheading: CSSProperties = { fontSize: "22px", lineHeight: "1.3", margin: "24px 0 8px" };
export const text: CSSProperties = { fontSize: "18px", lineHeight: "1.6", margin: "0 0 16px" };
export const small: CSSProperties = { fontSize: "16px", lineHeight: "1.5", margin: "0 0 12px", color: "#3d3d3d" };
export const label: CSSProperties = { ...text, fontWeight: 700, margin: "16px 0 4px" };
export const button: CSSProperties = {
  display: "block",
  backgroundColor: "#1d4f91",
  color: "#ffffff",
  fontSize: "20px",
  fontWeight: 700,
  textAlign: "center",
  textDecoration: "none",
  padding: "16px 24px",
  borderRadius: "8px",
  margin: "24px 0",
};
export const link: CSSProperties = { color: "#1d4f91", textDecoration: "underline", wordBreak: "break-all" };
export const box: CSSProperties = {
  border: "2px solid #d0d5dd",
  borderRadius: "8px",
  padding: "8px 16px",
  margin: "16px 0",
};
export const list: CSSProperties = {
  fontSize: "18px",
  lineHeight: "1.6",
  margin: "0 0 16px",
  paddingInlineStart: "24px",
};

import { Card } from "~/components/card";

export default function App() {
  return <Card />;
}

import { Alert } from 'antd';

/** What went wrong with a submit that no single field explains; shown above the form's fields. */
export function FormErrorAlert({ message, gap = 16 }: { message: string | null; gap?: number }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginBottom: gap }} />;
}

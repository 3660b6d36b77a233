import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { ApiRequestError } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';

interface StepDrawerProps<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  onFinish: (values: T) => void;
  pending: boolean;
  submitText: string;
  /** A problem shown above the fields (the API's refusal, or a check of the whole form). */
  problem: string | null;
  width?: number;
  labelWidth?: number;
  children: ReactNode;
}

/** A form of the supervisee's record in a drawer: fields, the problem above them, 取消 and the action. */
export function StepDrawer<T extends object>(props: StepDrawerProps<T>) {
  const narrow = useIsNarrow();
  const size = useDrawerSize(props.width ?? 640);
  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={size}
      onClose={props.onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={props.pending} onClick={() => props.form.submit()}>
            {props.submitText}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={props.problem} />
      <Form<T>
        form={props.form}
        {...formLayout(narrow, props.labelWidth ?? 112)}
        disabled={props.pending}
        initialValues={props.initialValues as never}
        onFinish={props.onFinish}
      >
        {props.children}
      </Form>
    </Drawer>
  );
}

/**
 * How a save of the record answers a failure: a stale version (409, another officer saved first) shows
 * the server's Chinese message, reloads the record and closes the form; anything else goes under the
 * fields or above them.
 */
export function useStepFailure<T>(
  form: FormInstance<T>,
  close: () => void,
  fieldOf: (path: string) => string[] = (path) => path.split('.').filter(Boolean),
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const formError = useFormError(form);
  const fail = (error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 409) {
      message.warning(`${error.message}。已重新加载最新内容，请核对后重新填写`, 6);
      void queryClient.invalidateQueries({ queryKey: ['corrections'] });
      close();
      return;
    }
    if (error instanceof ApiRequestError && error.fields.length > 0) {
      const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
      const fields = error.fields
        .map((f) => ({ name: fieldOf(f.path), errors: [f.message] }))
        .filter((f) => f.name.length > 0 && known.has(String(f.name[0])));
      if (fields.length > 0) {
        form.setFields(fields as never);
        formError.clear();
        return;
      }
    }
    formError.report(error);
  };
  return { problem: formError.message, clear: formError.clear, fail };
}

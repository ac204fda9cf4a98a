import { useState } from 'react';
import { Form } from 'antd';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { issuesToFieldErrors } from '@opsdesk/contracts';
import type { FieldError } from '@opsdesk/contracts';
import { getApiLanguage, isApiError } from '../../app/api/client';
import { mapFieldErrors } from './server-errors';
import type { FieldErrorMapping, FieldName } from './server-errors';

export type FormValues = Record<string, unknown>;

/** What the form shows above its fields: a failure that belongs to no single field. */
export interface FormLevelError {
  /** The API failure, if the server refused (its code chooses the text). */
  error: unknown;
  /** Field problems that name no field of this form. */
  unmatched: FieldError[];
}

export interface ContractFormOptions<S extends z.ZodType, R> extends FieldErrorMapping {
  /** The contract's request schema: validates in the browser before anything is sent. */
  schema: S;
  /** Form values → the schema's input (dayjs → 'YYYY-MM-DD', checkbox-driven fields…). */
  toInput?: (values: FormValues) => unknown;
  /** Values that are not fields of the form (e.g. the customer of a new contact). */
  fixed?: FormValues;
  submit: (data: z.output<S>) => Promise<R>;
  onSuccess?: (result: R) => void;
}

export interface ContractForm {
  form: FormInstance;
  onFinish: (values: FormValues) => Promise<void>;
  submitting: boolean;
  formError: FormLevelError | null;
}

function registeredNames(form: FormInstance): FieldName[] {
  return form.getFieldsError().map((f) => f.name as FieldName);
}

/**
 * The form helper: parse with the contract schema on submit (errors shown with the same texts
 * the server would use), send the parsed data, and put the server's `details.fields[]` on the
 * fields by `path`. Use it with `<ContractFormView>`.
 */
export function useContractForm<S extends z.ZodType, R>(options: ContractFormOptions<S, R>): ContractForm {
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<FormLevelError | null>(null);

  const showFieldErrors = (fields: readonly FieldError[]): FieldError[] => {
    const { fieldData, unmatched } = mapFieldErrors(fields, registeredNames(form), options);
    form.setFields(fieldData);
    const first = fieldData[0];
    if (first) form.scrollToField(first.name);
    return unmatched;
  };

  const onFinish = async (values: FormValues) => {
    setFormError(null);
    const input = options.toInput ? options.toInput(values) : values;
    const merged =
      options.fixed && typeof input === 'object' && input !== null ? { ...input, ...options.fixed } : input;
    const parsed = options.schema.safeParse(merged);
    if (!parsed.success) {
      const unmatched = showFieldErrors(issuesToFieldErrors(parsed.error.issues, getApiLanguage()));
      if (unmatched.length) setFormError({ error: null, unmatched });
      return;
    }
    setSubmitting(true);
    try {
      const result = await options.submit(parsed.data);
      options.onSuccess?.(result);
    } catch (e) {
      const unmatched = isApiError(e) && e.fields.length ? showFieldErrors(e.fields) : [];
      setFormError({ error: e, unmatched });
    } finally {
      setSubmitting(false);
    }
  };

  return { form, onFinish, submitting, formError };
}

import { App, Checkbox, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGS, USER_KINDS, UserCreateSchema, UserUpdateSchema } from '@opsdesk/contracts';
import type { User, UserKind } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { userApi, userKeys } from '../api/user.api';

/** A new user's kind and organisation when created from a customer's or subcontractor's page. */
export interface UserPreset {
  kind: UserKind;
  customerId?: string;
  subcontractorId?: string;
}

function LocaleSelect() {
  const { t } = useTranslation(['users', 'common']);
  return (
    <Select
      allowClear
      placeholder={t('localeDefault')}
      options={LANGS.map((l) => ({ value: l, label: t(`common:enums.lang.${l}`) }))}
    />
  );
}

function ContactFields() {
  const { t } = useTranslation('users');
  return (
    <>
      <Form.Item name="email" label={t('fields.email')}>
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')}>
        <Input inputMode="tel" maxLength={40} />
      </Form.Item>
      <Form.Item name="title" label={t('fields.title')}>
        <Input maxLength={60} />
      </Form.Item>
    </>
  );
}

function ManagerFields() {
  const { t } = useTranslation('users');
  return (
    <>
      <Form.Item name="managesDivision" label={t('fields.managesDivision')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="managesRegion" label={t('fields.managesRegion')}>
        <Input maxLength={60} />
      </Form.Item>
    </>
  );
}

/**
 * Create a user. The organisation field follows the kind: a customer contact belongs to a
 * customer, subcontractor staff to a subcontractor, staff to neither (and may manage a
 * division or region). A contact who only phones in needs no username or password.
 */
export function UserCreateForm({ preset, onDone }: { preset?: UserPreset; onDone: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const toInput = (v: FormValues) => {
    const kind = (preset?.kind ?? v.kind) as UserKind | undefined;
    const { canLogin, ...rest } = v;
    return {
      ...rest,
      kind,
      username: canLogin ? rest.username : null,
      password: canLogin ? rest.password : null,
      customerId: kind === 'customer_contact' ? rest.customerId : null,
      subcontractorId: kind === 'subcontractor_staff' ? rest.subcontractorId : null,
      managesDivision: kind === 'staff' ? rest.managesDivision : null,
      managesRegion: kind === 'staff' ? rest.managesRegion : null,
    };
  };
  const form = useContractForm({
    schema: UserCreateSchema,
    toInput,
    fixed: preset ? { ...preset } : undefined,
    submit: (data) => userApi.create(data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: userKeys.all });
      message.success(t('common:form.created'));
      onDone();
    },
  });
  const watchedKind = Form.useWatch('kind', form.form) as UserKind | undefined;
  const kind = preset?.kind ?? watchedKind;
  const canLogin = Form.useWatch('canLogin', form.form) as boolean | undefined;

  return (
    <ContractFormView
      form={form}
      initialValues={{ kind: preset?.kind ?? 'staff', canLogin: preset?.kind !== 'customer_contact' }}
      onCancel={onDone}
    >
      {!preset && (
        <Form.Item name="kind" label={t('fields.kind')} required>
          <Select options={USER_KINDS.map((k) => ({ value: k, label: t(`common:enums.userKind.${k}`) }))} />
        </Form.Item>
      )}
      {!preset && kind === 'customer_contact' && (
        <Form.Item name="customerId" label={t('fields.customer')} required>
          <CustomerSelect />
        </Form.Item>
      )}
      {!preset && kind === 'subcontractor_staff' && (
        <Form.Item name="subcontractorId" label={t('fields.subcontractor')} required>
          <SubcontractorSelect />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('fields.displayName')} required>
        <Input maxLength={100} />
      </Form.Item>
      <ContactFields />
      <Form.Item name="canLogin" valuePropName="checked" extra={t('canLoginHelp')}>
        <Checkbox>{t('canLogin')}</Checkbox>
      </Form.Item>
      {canLogin && (
        <>
          <Form.Item name="username" label={t('fields.username')} required>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('fields.password')} required extra={t('passwordHelp')}>
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="locale" label={t('fields.locale')}>
            <LocaleSelect />
          </Form.Item>
        </>
      )}
      {kind === 'staff' && <ManagerFields />}
    </ContractFormView>
  );
}

/** Edit a user's profile. Kind and organisation do not change; status and roles have their own actions. */
export function UserEditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: UserUpdateSchema,
    toInput: (v) => ({ ...v, username: v.username ? v.username : null }),
    submit: (data) => userApi.update(user.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: userKeys.all });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        phone: user.phone,
        title: user.title,
        locale: user.locale ?? undefined,
        ...(user.kind === 'staff'
          ? { managesDivision: user.managesDivision, managesRegion: user.managesRegion }
          : {}),
      }}
    >
      <Form.Item name="displayName" label={t('fields.displayName')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="username" label={t('fields.username')}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <ContactFields />
      <Form.Item name="locale" label={t('fields.locale')}>
        <LocaleSelect />
      </Form.Item>
      {user.kind === 'staff' && <ManagerFields />}
    </ContractFormView>
  );
}

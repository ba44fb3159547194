import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { query } from '../api/client';
import { resourceByKey } from '../resources/configs';
import type { FieldDef } from '../resources/types';
import { useI18n } from '../i18n/I18n';

/** A select whose choices are the inventories of a resource (optionally narrowed by other fields' values). */
function ResourceSelect({ field, multiple, value, onChange, where }: {
  field: FieldDef; multiple: boolean; value?: unknown; onChange?: (v: unknown) => void; where: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const cfg = resourceByKey(field.resource ?? '');
  const whereKey = JSON.stringify(where);
  useEffect(() => {
    if (!cfg) return;
    let live = true;
    setLoading(true);
    const conditions = Object.entries(where).filter(([, v]) => v).map(([f, v]) => ({ field: f, op: '=' as const, value: String(v) }));
    query(cfg.path, { conditions, fields: ['uuid', 'name'], limit: 500, sortBy: 'name' })
      .then((p) => live && setOptions(p.inventories.map((i) => ({ value: String(i.uuid), label: `${i.name ?? ''} (${String(i.uuid).slice(0, 8)})` }))))
      .catch(() => live && setOptions([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cfg?.path, whereKey]);
  return (
    <Select
      data-testid={`field-${field.name}`}
      mode={multiple ? 'multiple' : undefined}
      allowClear={!field.required}
      showSearch
      optionFilterProp="label"
      loading={loading}
      options={options}
      value={value as string}
      onChange={onChange}
      placeholder={t('form.choose')}
      notFoundContent={t('form.noChoices')}
    />
  );
}

/** One form item of a declared field. */
export function FieldInput({ field }: { field: FieldDef }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const deps = Object.values(field.dependsOn ?? {});
  const label = field.type === 'bytes' ? `${t(field.label)} (${field.unit ?? 'GiB'})` : t(field.label);
  const rules = field.required ? [{ required: true, message: t('form.required', { field: t(field.label) }) }] : [];
  const control = (where: Record<string, unknown>) => {
    switch (field.type) {
      case 'textarea':
        return <Input.TextArea rows={2} data-testid={`field-${field.name}`} />;
      case 'password':
        return <Input.Password data-testid={`field-${field.name}`} />;
      case 'number':
      case 'bytes':
        return <InputNumber min={field.min ?? 0} style={{ width: '100%' }} data-testid={`field-${field.name}`} />;
      case 'select':
        return <Select data-testid={`field-${field.name}`} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />;
      case 'resource':
      case 'resources':
        return <ResourceSelect field={field} multiple={field.type === 'resources'} where={where} />;
      default:
        return <Input data-testid={`field-${field.name}`} />;
    }
  };
  if (deps.length === 0) {
    return (
      <Form.Item name={field.name} label={label} rules={rules} tooltip={field.help ? t(field.help) : undefined}>
        {control({})}
      </Form.Item>
    );
  }
  return (
    <Form.Item noStyle shouldUpdate={(a, b) => deps.some((d) => a[d] !== b[d])}>
      {() => {
        const where = Object.fromEntries(Object.entries(field.dependsOn ?? {}).map(([cond, from]) => [cond, form.getFieldValue(from)]));
        return (
          <Form.Item name={field.name} label={label} rules={rules} tooltip={field.help ? t(field.help) : undefined}>
            {control(where)}
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

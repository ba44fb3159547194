import { App, Button, Form, Modal, Progress, Steps } from 'antd';
import { useState } from 'react';
import { mutate } from '../api/client';
import type { JobProgress } from '../api/jobs';
import { useI18n } from '../i18n/I18n';
import { createRequest, initialValues } from '../resources/requests';
import type { FieldDef, ResourceConfig } from '../resources/types';
import { useJobs } from '../state/Jobs';
import { ErrorView } from './ErrorView';
import { FieldInput } from './FieldInput';

/** The steps of the VM wizard: which fields each shows. */
const WIZARD_STEPS: { title: string; fields: string[] }[] = [
  { title: 'wizard.basics', fields: ['name', 'description'] },
  { title: 'wizard.offering', fields: ['instanceOfferingUuid'] },
  { title: 'wizard.image', fields: ['imageUuid'] },
  { title: 'wizard.network', fields: ['l3NetworkUuids'] },
  { title: 'wizard.placement', fields: ['zoneUuid', 'clusterUuid', 'hostUuid', 'strategy'] },
];

/** Creates a resource from its declared form (or the VM wizard), following the job with a progress bar. */
export function CreateModal({ cfg, onClose, onCreated }: { cfg: ResourceConfig; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { run } = useJobs();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<JobProgress>();
  const [error, setError] = useState<unknown>();
  const create = cfg.create!;
  const steps = create.wizard ? WIZARD_STEPS : [{ title: '', fields: create.fields.map((f) => f.name) }];
  const last = step === steps.length - 1;
  const fieldsOf = (names: string[]): FieldDef[] => create.fields.filter((f) => names.includes(f.name));

  const submit = async () => {
    await form.validateFields(steps[step].fields);
    if (!last) {
      setStep(step + 1);
      return;
    }
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const req = createRequest(create, create.fields, values);
    setBusy(true);
    setError(undefined);
    try {
      await run(t('job.create', { what: `${t(cfg.singular)} ${String(values.name ?? '')}` }), (onProgress) =>
        mutate(create.route.method, req.path, req.body, (p) => {
          setProgress(p);
          onProgress(p);
        }));
      message.success(t('create.done', { what: t(cfg.singular) }));
      onCreated();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={create.wizard ? 720 : 560} title={t('create.title', { what: t(cfg.singular) })} onCancel={onClose} maskClosable={false}
      footer={[
        create.wizard && step > 0 && <Button key="back" onClick={() => setStep(step - 1)} disabled={busy}>{t('wizard.back')}</Button>,
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={submit} data-testid="create-submit">{last ? t('common.create') : t('wizard.next')}</Button>,
      ]}>
      {create.wizard && <Steps size="small" current={step} items={steps.map((s) => ({ title: t(s.title) }))} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues(create.fields)} preserve>
        {steps.map((s, i) => (
          <div key={s.title || 'form'} style={{ display: i === step ? 'block' : 'none' }}>
            {fieldsOf(s.fields).map((f) => <FieldInput key={f.name} field={f} />)}
          </div>
        ))}
      </Form>
      {busy && progress && (
        <div data-testid="job-progress">
          <Progress percent={progress.progress ?? 0} status="active" />
          <span>{progress.currentStep ? t('job.step', { step: progress.currentStep }) : t('job.waiting')}</span>
        </div>
      )}
      {error !== undefined && <ErrorView error={error} />}
    </Modal>
  );
}

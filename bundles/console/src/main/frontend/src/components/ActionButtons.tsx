import { App, Button, Dropdown, Form, Modal, Space } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { mutate } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { initialValues } from '../resources/requests';
import type { ActionDef, Inventory, ResourceConfig } from '../resources/types';
import { useCapabilities } from '../state/App';
import { useJobs } from '../state/Jobs';
import { FieldInput } from './FieldInput';
import { ErrorView } from './ErrorView';

/** The actions that apply to an inventory now (route served, state allows). */
export function availableActions(cfg: ResourceConfig, inv: Inventory, has: (m: string, p: string) => boolean): ActionDef[] {
  return cfg.actions.filter((a) => has(a.route.method, a.route.path)
    && (!a.states || a.states.includes(String(inv[a.stateField ?? 'state']))));
}

/** Confirms an action (with its fields, if any), runs it as a tracked job, reports the outcome. */
function ActionModal({ cfg, inv, action, onClose, onDone }: { cfg: ResourceConfig; inv: Inventory; action: ActionDef; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { run } = useJobs();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const what = `${t(cfg.singular)} ${String(inv.name ?? inv.uuid)}`;
  const submit = async () => {
    const values = action.fields?.length ? await form.validateFields() : {};
    const req = action.request!(inv, values);
    setBusy(true);
    setError(undefined);
    try {
      await run(t('job.action', { action: t(action.label), what }), (p) => mutate(req.method, req.path, req.body, p));
      message.success(t('action.done', { action: t(action.label), what }));
      onDone();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('action.confirmTitle', { action: t(action.label) })} onCancel={onClose} onOk={submit}
      okText={t(action.label)} cancelText={t('common.cancel')} okButtonProps={{ danger: action.danger, loading: busy, id: 'confirm-action' }}>
      <p>{t('action.confirmText', { action: t(action.label), what })}</p>
      {!!action.fields?.length && (
        <Form form={form} layout="vertical" initialValues={initialValues(action.fields)}>
          {action.fields.map((f) => <FieldInput key={f.name} field={f} />)}
        </Form>
      )}
      {error !== undefined && <ErrorView error={error} />}
    </Modal>
  );
}

/** Buttons for an inventory's actions: inline (detail page) or a dropdown (list row). */
export function ActionButtons({ cfg, inv, compact, onDone }: { cfg: ResourceConfig; inv: Inventory; compact?: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const caps = useCapabilities();
  const navigate = useNavigate();
  const [active, setActive] = useState<ActionDef>();
  const actions = availableActions(cfg, inv, caps.has);
  // an action that opens a page goes there at once; the others confirm first
  const choose = (a?: ActionDef) => (a?.open ? navigate(a.open(inv)) : setActive(a));
  const modal = active && <ActionModal cfg={cfg} inv={inv} action={active} onClose={() => setActive(undefined)} onDone={onDone} />;
  if (actions.length === 0) return null;
  if (compact) {
    return (
      <>
        <Dropdown trigger={['click']} menu={{
          items: actions.map((a) => ({ key: a.key, label: <span data-testid={`action-${a.key}`}>{t(a.label)}</span>, danger: a.danger })),
          onClick: ({ key }) => choose(actions.find((a) => a.key === key)),
        }}>
          <Button size="small" data-testid={`actions-${String(inv.name ?? inv.uuid)}`}>{t('common.actions')} <DownOutlined /></Button>
        </Dropdown>
        {modal}
      </>
    );
  }
  return (
    <Space wrap>
      {actions.map((a) => <Button key={a.key} danger={a.danger} data-testid={`action-${a.key}`} onClick={() => choose(a)}>{t(a.label)}</Button>)}
      {modal}
    </Space>
  );
}

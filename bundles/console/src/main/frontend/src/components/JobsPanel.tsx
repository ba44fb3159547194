import { Badge, Button, Drawer, Empty, List, Progress, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { useJobs, type TrackedJob } from '../state/Jobs';

export function JobLine({ job }: { job: TrackedJob }) {
  const { t } = useI18n();
  const status = job.state === 'failed' ? 'exception' : job.state === 'succeeded' ? 'success' : 'active';
  const err = job.error instanceof ApiError ? `${job.error.description}${job.error.details ? `: ${job.error.details}` : ''}` : job.error ? String(job.error) : '';
  return (
    <List.Item data-testid="job">
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{job.label}</Typography.Text>
        <Progress percent={job.progress} status={status} size="small" />
        <Typography.Text type={job.state === 'failed' ? 'danger' : 'secondary'}>
          {job.state === 'running' ? (job.currentStep ? t('job.step', { step: job.currentStep }) : t('job.waiting'))
            : job.state === 'succeeded' ? t('job.succeeded') : `${t('job.failed')}: ${err}`}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** The jobs started from this browser, with their progress. */
export function JobsPanel() {
  const { t } = useI18n();
  const { jobs, clear } = useJobs();
  const [open, setOpen] = useState(false);
  const running = jobs.filter((j) => j.state === 'running').length;
  return (
    <>
      <Badge count={running} size="small">
        <Button type="text" icon={<ThunderboltOutlined />} onClick={() => setOpen(true)} data-testid="jobs-button" style={{ color: 'inherit' }}>{t('job.title')}</Button>
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('job.title')} extra={<Button size="small" onClick={clear}>{t('job.clear')}</Button>}>
        {jobs.length === 0 ? <Empty description={t('job.none')} /> : <List dataSource={jobs} renderItem={(j) => <JobLine job={j} />} />}
      </Drawer>
    </>
  );
}

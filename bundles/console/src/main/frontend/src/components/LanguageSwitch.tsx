import { Select } from 'antd';
import { useI18n } from '../i18n/I18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Select size="small" value={lang} onChange={setLang} aria-label={t('common.language')} data-testid="language" style={{ width: 110 }}
      options={[{ value: 'en', label: 'English' }, { value: 'zh', label: '简体中文' }]} />
  );
}

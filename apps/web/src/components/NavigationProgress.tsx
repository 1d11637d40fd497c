import { useNavigation } from 'react-router';
import classes from './NavigationProgress.module.css';

/** Thin bar at the top of the window while the next page's loaders run. */
export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div className={classes.bar} role="progressbar" aria-hidden />;
}

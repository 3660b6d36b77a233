export { AssignmentSection } from './components/assignment-section.tsx';
